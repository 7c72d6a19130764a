import NIOCore

/// Rewrites `LIST /path HTTP/1.1` (which NIO's HTTP parser refuses) into `GET` plus a marker header.
final class ListMethodRewriter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The header the rewrite adds so the responder knows the verb was `LIST`.
    static let markerHeader = "x-howto-mock-list"
    private static let prefix = Array("LIST ".utf8)

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        guard buffer.readableBytesView.starts(with: Self.prefix),
              let lineEnd = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n"))
        else {
            context.fireChannelRead(data)
            return
        }
        let lineLength = lineEnd - buffer.readerIndex + 1
        let line = buffer.readString(length: lineLength) ?? ""
        var rewritten = context.channel.allocator.buffer(capacity: buffer.readableBytes + 64)
        rewritten.writeString("GET " + line.dropFirst(5))
        rewritten.writeString("X-Howto-Mock-List: true\r\n")
        rewritten.writeBuffer(&buffer)
        context.fireChannelRead(wrapInboundOut(rewritten))
    }
}
