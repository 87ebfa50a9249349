using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Pipeline.AppHost;

/// <summary>
/// The app host's own options, from its command line (<c>--generator-rate 50 --data-dir .pipeline --port 4566</c>) or
/// any other configuration source under the same keys.
/// </summary>
/// <param name="GeneratorRate">Records per second each dataset's generator sends; 0 leaves the generators stopped.</param>
/// <param name="DataDirectory">LocalCloud's state; deleting it resets the local cloud.</param>
/// <param name="Port">The loopback port LocalCloud serves every AWS service on.</param>
public sealed record AppHostSettings(double GeneratorRate, string DataDirectory, int Port)
{
    public const string GeneratorRateKey = "generator-rate";

    public const string DataDirectoryKey = "data-dir";

    public const string PortKey = "port";

    public const double DefaultGeneratorRate = 20;

    public const string DefaultDataDirectory = ".pipeline";

    public const int DefaultPort = 4566;

    /// <summary>Reads and checks the settings; a bad value stops the app host with a message naming the option.</summary>
    /// <exception cref="ArgumentException">A value is not a number or out of range.</exception>
    public static AppHostSettings From(IConfiguration configuration)
    {
        var rate = Read(configuration, GeneratorRateKey, DefaultGeneratorRate, text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        if (rate is < 0 or > 100_000 || double.IsNaN(rate))
        {
            throw new ArgumentException($"--{GeneratorRateKey} must be between 0 and 100000 records per second; got {rate.ToString(CultureInfo.InvariantCulture)}.");
        }

        var port = Read(configuration, PortKey, DefaultPort, text => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
        if (port is < 1 or > 65535)
        {
            throw new ArgumentException($"--{PortKey} must be between 1 and 65535; got {port}.");
        }

        var data = configuration[DataDirectoryKey] is { Length: > 0 } text ? text : DefaultDataDirectory;
        return new AppHostSettings(rate, Path.GetFullPath(data), port);
    }

    private static T Read<T>(IConfiguration configuration, string key, T fallback, Func<string, T> parse)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        try
        {
            return parse(text.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ArgumentException($"--{key} must be a number; got '{text}'.", e);
        }
    }
}
