using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.Functions;
using Pipeline.UnitTests.LocalCloud.LambdaService.Fakes;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>No entry of a package, however named, is written outside the function's code folder.</summary>
public sealed class ZipSlipProtectionTests
{
    [Theory]
    [InlineData("../escaped")]
    [InlineData("../../escaped")]
    [InlineData("sub/../../escaped")]
    [InlineData("..\\escaped")]
    [InlineData("/tmp/escaped-absolute")]
    public void An_entry_leading_outside_is_refused_and_nothing_is_written_outside(string name)
    {
        using var temp = new TempDirectory();
        var code = Path.Combine(temp.Path, "fn", "code");
        var zip = TestZip.WithBootstrap((name, "owned", TestZip.RegularFile));

        var error = Assert.Throws<AwsServiceException>(() => CodePackage.Extract(zip, code));

        Assert.Equal("InvalidParameterValueException", error.Code);
        Assert.Contains("outside", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "fn", "escaped")));
        Assert.False(File.Exists(Path.Combine(temp.Path, "escaped")));
        Assert.False(File.Exists("/tmp/escaped-absolute"));
    }

    [Fact]
    public void A_symbolic_link_leading_outside_is_refused()
    {
        using var temp = new TempDirectory();
        var zip = TestZip.WithBootstrap(("etc", "/etc", TestZip.SymbolicLink));

        var error = Assert.Throws<AwsServiceException>(() => CodePackage.Extract(zip, Path.Combine(temp.Path, "code")));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_inside_the_package_is_kept()
    {
        using var temp = new TempDirectory();
        var code = Path.Combine(temp.Path, "code");
        var zip = TestZip.WithBootstrap(("lib/real.txt", "hello", TestZip.RegularFile), ("link.txt", "lib/real.txt", TestZip.SymbolicLink));

        CodePackage.Extract(zip, code);

        Assert.Equal("hello", File.ReadAllText(Path.Combine(code, "link.txt")));
        Assert.NotNull(new FileInfo(Path.Combine(code, "link.txt")).LinkTarget);
    }

    [Fact]
    public void Nested_entries_inside_the_package_are_fine()
    {
        using var temp = new TempDirectory();
        var code = Path.Combine(temp.Path, "code");
        var zip = TestZip.WithBootstrap(("lib/", "", 0), ("lib/x.txt", "x", TestZip.RegularFile), ("lib/deeper/y.txt", "y", TestZip.RegularFile));

        CodePackage.Extract(zip, code);

        Assert.Equal("x", File.ReadAllText(Path.Combine(code, "lib", "x.txt")));
        Assert.Equal("y", File.ReadAllText(Path.Combine(code, "lib", "deeper", "y.txt")));
    }
}
