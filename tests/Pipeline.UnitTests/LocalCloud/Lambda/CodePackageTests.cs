using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.Functions;
using Pipeline.UnitTests.LocalCloud.LambdaService.Fakes;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>A package unpacks with its Unix modes and must hold an executable bootstrap at its root.</summary>
public sealed class CodePackageTests
{
    [Fact]
    public void Unix_modes_from_the_zip_are_restored()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        var code = Path.Combine(temp.Path, "code");
        var zip = TestZip.WithBootstrap(("tool", "#!/bin/sh\n", TestZip.ExecutableFile), ("data.txt", "d", TestZip.RegularFile));

        CodePackage.Extract(zip, code);

        Assert.True(File.GetUnixFileMode(Path.Combine(code, "tool")).HasFlag(UnixFileMode.UserExecute));
        Assert.False(File.GetUnixFileMode(Path.Combine(code, "data.txt")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void A_bootstrap_without_an_exec_bit_is_made_executable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        var code = Path.Combine(temp.Path, "code");

        // As zips made on Windows arrive: no Unix mode at all.
        CodePackage.Extract(TestZip.Create(("bootstrap", "#!/bin/sh\n", 0)), code);

        Assert.True(File.GetUnixFileMode(Path.Combine(code, "bootstrap")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void A_package_without_a_bootstrap_at_its_root_is_refused()
    {
        using var temp = new TempDirectory();
        var zip = TestZip.Create(("bin/bootstrap", "#!/bin/sh\n", TestZip.ExecutableFile));

        var error = Assert.Throws<AwsServiceException>(() => CodePackage.Extract(zip, Path.Combine(temp.Path, "code")));

        Assert.Equal("InvalidParameterValueException", error.Code);
        Assert.Contains("bootstrap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_refused_with_lambdas_message()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<AwsServiceException>(() => CodePackage.Extract("not a zip"u8.ToArray(), Path.Combine(temp.Path, "code")));

        Assert.Equal("Could not unzip uploaded file. Please check your file, then try to upload again.", error.Message);
    }

    [Fact]
    public void More_than_the_unzipped_limit_is_refused()
    {
        using var temp = new TempDirectory();
        var zip = TestZip.WithBootstrap(("big.txt", new string('x', 10_000), TestZip.RegularFile));

        var error = Assert.Throws<AwsServiceException>(() => CodePackage.Extract(zip, Path.Combine(temp.Path, "code"), maxUnzippedBytes: 5_000));

        Assert.Equal("Unzipped size must be smaller than 5000 bytes", error.Message);
    }

    [Fact]
    public void The_sha256_is_base64_as_lambda_reports_it()
    {
        // SHA-256 of the empty input.
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", CodePackage.Sha256([]));
    }
}
