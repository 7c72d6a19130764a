import GoValues
extension VaultCore {
    static let invalidWrappingToken = VaultResponse.error(400, "wrapping token is not valid or does not exist")

    /// Stores `body` behind a new wrapping token and answers with its `wrap_info`.
    func wrap(_ body: JSONValue, ttl: Int, path: String) -> VaultResponse {
        let now = clock.now()
        let token = RandomID.serviceToken()
        let accessor = RandomID.alphanumeric(24)
        var wrappedAccessor = ""
        if let a = body["data"]?["secret_id_accessor"]?.stringValue { wrappedAccessor = a }
        if let a = body["auth"]?["accessor"]?.stringValue { wrappedAccessor = a }
        var entry = WrappedResponse(data: body["data"] ?? .null, auth: body["auth"] ?? .null, creationPath: path,
                                    creationTime: now, ttl: ttl, accessor: accessor)
        if let lease = body["lease_duration"]?.intValue { entry.leaseDuration = lease }
        wrapped[token] = entry
        return .envelope(requestID: "", wrapInfo: .object([
            ("token", .string(token)), ("accessor", .string(accessor)), ("ttl", .int(ttl)),
            ("creation_time", .string(VaultTime.rfc3339Nano(now))), ("creation_path", .string(path)),
            ("wrapped_accessor", .string(wrappedAccessor)),
        ]))
    }

    private func takeWrapped(_ token: String) -> WrappedResponse? {
        guard let entry = wrapped[token] else { return nil }
        wrapped[token] = nil
        return entry.isExpired(now: clock.now()) ? nil : entry
    }

    private func unwrapped(_ entry: WrappedResponse, requestID: String) -> VaultResponse {
        .envelope(requestID: requestID, data: entry.data, auth: entry.auth, leaseDuration: entry.leaseDuration)
    }

    /// `sys/wrapping/unwrap` authenticated by the wrapping token itself (no `token` in the body); nil otherwise.
    func unwrapWithOwnToken(_ request: VaultRequest, fields: RequestFields, requestID: String) -> VaultResponse? {
        guard ["PUT", "POST"].contains(request.method) else { return .unsupportedOperation }
        if let bodyToken = fields.string("token"), !bodyToken.isEmpty { return nil }
        guard let token = request.token else { return .permissionDenied }
        guard let entry = takeWrapped(token) else { return Self.invalidWrappingToken }
        return unwrapped(entry, requestID: requestID)
    }

    /// `sys/wrapping/unwrap` with `{"token": ...}` by a valid client token.
    func unwrapFromBody(_ fields: RequestFields, requestID: String) -> VaultResponse {
        guard let token = fields.string("token"), let entry = takeWrapped(token) else { return Self.invalidWrappingToken }
        return unwrapped(entry, requestID: requestID)
    }

    /// `sys/wrapping/wrap`: the request's own fields, answered wrapped (the caller's wrap TTL is required).
    func wrapFields(_ request: VaultRequest, fields: RequestFields, requestID: String) -> VaultResponse {
        guard let header = request.headers["x-vault-wrap-ttl"], !header.isEmpty, (GoDuration.seconds(header) ?? 0) > 0 else {
            return .error(400, "endpoint requires response wrapping to be used")
        }
        return .envelope(requestID: requestID, data: .object(fields.members))
    }

    func wrappingLookup(_ fields: RequestFields, requestID: String) -> VaultResponse {
        guard let token = fields.string("token"), let entry = wrapped[token], !entry.isExpired(now: clock.now()) else {
            return Self.invalidWrappingToken
        }
        return .envelope(requestID: requestID, data: .object([
            ("creation_path", .string(entry.creationPath)),
            ("creation_time", .string(VaultTime.rfc3339Nano(entry.creationTime))),
            ("creation_ttl", .int(entry.ttl)),
        ]))
    }
}
