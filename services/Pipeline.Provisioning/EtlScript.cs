using Pipeline.Contracts.Datasets;

namespace Pipeline.Provisioning;

/// <summary>The Glue job script of <c>terraform/glue/</c>, copied beside the app host at build time and uploaded as Terraform uploads it.</summary>
public static class EtlScript
{
    public const string FileName = PipelineNames.EtlScriptFileName;

    /// <summary>The script's bytes; LocalCloud runs its own implementation of the same rule, keyed by this file name.</summary>
    public static byte[] Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "glue", FileName);
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The Glue job script was not copied beside the app host ({path}); rebuild Pipeline.AppHost.", path);
    }
}
