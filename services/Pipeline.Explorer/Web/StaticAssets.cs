using Microsoft.AspNetCore.Http;

namespace Pipeline.Explorer.Web;

/// <summary>The page, its script and style, and the world map's TopoJSON, served from this assembly's resources.</summary>
internal static class StaticAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
    };

    public static IResult Serve(string file)
    {
        var assembly = typeof(StaticAssets).Assembly;
        var stream = assembly.GetManifestResourceStream(Prefix + file);
        if (stream is null || !ContentTypes.TryGetValue(Path.GetExtension(file), out var type))
        {
            stream?.Dispose();
            return Results.NotFound();
        }

        return Results.Stream(stream, type);
    }
}
