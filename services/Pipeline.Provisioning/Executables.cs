using System.Reflection;

namespace Pipeline.Provisioning;

/// <summary>The built programs the app host runs, as stamped in at build time by build/PipelineExecutables.targets.</summary>
public static class Executables
{
    /// <summary>The path of the built entry assembly of <paramref name="project"/>, e.g. <c>Pipeline.Generator</c>.</summary>
    public static string PathOf(string project, Assembly? stampedInto = null)
    {
        var key = "Executable:" + project;
        var path = (stampedInto ?? typeof(Executables).Assembly).GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"{project} is not a <PipelineExecutable> of this build.");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{project} was built to {path}, which is gone; build the solution again.", path);
    }
}
