#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fast 64-bit digest of file contents, to tell whether a file changed (not a cryptographic hash: nobody chooses
/// the contents to collide, and a miss would only leave a path out of the commit message's list).
enum ContentDigest {
    private static let prime: UInt64 = 0x0000_0100_0000_01B3
    private static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The digest of a regular file's bytes; a file that cannot be read gets a digest that differs from any read one
    /// only by chance, which counts it as changed.
    static func ofFile(atPath path: String) -> UInt64 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 1 }
        defer { close(descriptor) }
        var hash = seed
        var length: UInt64 = 0
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { bytes in hash = mix(hash, UnsafeRawBufferPointer(rebasing: bytes[..<count])) }
            length &+= UInt64(count)
        }
        return (hash ^ length) &* prime
    }

    /// The digest of a symbolic link's target path.
    static func ofLinkTarget(atPath path: String) -> UInt64 {
        var target = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &target, target.count)
        guard count >= 0 else { return 1 }
        return target.withUnsafeBytes { mix(seed, UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    /// Folds `bytes` into `hash` eight bytes at a time (FNV-style multiply, with a shift so high bits reach low ones).
    private static func mix(_ hash: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = hash
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
            hash ^= hash >> 29
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* prime
            offset += 1
        }
        return hash
    }
}
