namespace GuidanceBot.Storage;

/// <summary>
/// The configured database cannot be used (missing setting, unreachable, refused). The message names the setting to
/// fix and never carries a password; hosts print it and stop.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
