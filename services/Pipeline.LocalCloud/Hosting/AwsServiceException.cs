namespace Pipeline.LocalCloud.Hosting;

/// <summary>An error to answer in AWS's shape: the code and HTTP status AWS uses for the same mistake.</summary>
public sealed class AwsServiceException(string code, string message, int statusCode = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// Recognises a write refused because the data directory's file system is full (or over quota), so services can
/// answer with AWS's "try again later" error instead of a generic failure: nothing was stored, and a retry once space
/// returns succeeds.
/// </summary>
public static class DiskFull
{
    // .NET on Unix puts the errno in HResult; on Windows it is the Win32 error as an HRESULT.
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int ErrorHandleDiskFull = 39;
    private const int ErrorDiskFull = 112;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException io && (io.HResult is Enospc or Edquot || (io.HResult & 0xFFFF) is ErrorHandleDiskFull or ErrorDiskFull && io.HResult < 0))
            {
                return true;
            }
        }

        return false;
    }
}
