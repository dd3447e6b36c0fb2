#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `posix_spawn` file actions glibc has (2.29 and 2.34 on) but hides from Swift behind `_GNU_SOURCE`, looked up
/// once by name.
enum SpawnExtensions {
    private typealias AddChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static let changeDirectory: AddChangeDirectory? = symbol("posix_spawn_file_actions_addchdir_np")
    private static let closeFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

    /// Makes the child start in `path`; returns 0, an errno, or `ENOSYS` when the C library cannot.
    static func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ path: String) -> Int32 {
        guard let changeDirectory else { return ENOSYS }
        return changeDirectory(&actions, path)
    }

    /// Makes the child close every descriptor from `lowest` up; returns 0, an errno, or `ENOSYS`.
    static func addCloseFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) -> Int32 {
        guard let closeFrom else { return ENOSYS }
        return closeFrom(&actions, lowest)
    }

    private static func symbol<T>(_ name: String) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
}
