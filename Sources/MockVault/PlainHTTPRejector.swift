import NIOCore

/// On the TLS listener, answers a plain-HTTP request as Go's net/http does, then closes.
final class PlainHTTPRejector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private static let answer = "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        // A TLS record starts with 0x16 (handshake).
        if buffer.readableBytesView.first == 0x16 {
            context.fireChannelRead(data)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            return
        }
        let reply = context.channel.allocator.buffer(string: Self.answer)
        let channel = context.channel
        context.writeAndFlush(NIOAny(reply)).whenComplete { _ in channel.close(promise: nil) }
    }
}
