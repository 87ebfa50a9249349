using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Hosting;

/// <summary>Which failures count as a full disk (answered with the service's 503) and which stay internal errors.</summary>
public sealed class DiskFullRecognitionTests
{
    [Theory]
    [InlineData(28)] // ENOSPC
    [InlineData(122)] // EDQUOT
    [InlineData(unchecked((int)0x80070070))] // ERROR_DISK_FULL as an HRESULT
    public void A_no_space_error_is_a_full_disk(int hresult) =>
        Assert.True(DiskFull.Is(new IOException("No space left on device", hresult)));

    [Fact]
    public void A_no_space_error_inside_another_is_a_full_disk() =>
        Assert.True(DiskFull.Is(new InvalidOperationException("write failed", new IOException("No space left on device", 28))));

    [Fact]
    public void Other_input_output_errors_are_not() =>
        Assert.False(DiskFull.Is(new IOException("Permission denied", 13)));

    [Fact]
    public void Other_exceptions_are_not() =>
        Assert.False(DiskFull.Is(new InvalidOperationException("a bug")));
}
