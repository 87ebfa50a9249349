namespace Pipeline.Provisioning;

/// <summary>The <c>dotnet</c> host that runs built programs: the one running us, else the one on PATH.</summary>
public static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var self = Environment.ProcessPath;
        return self is not null && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
