using System.Text;
using Pipeline.LocalCloud.S3.Payload;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>The CRCs behind S3's flexible checksums give the catalogued check values.</summary>
public sealed class ChecksumTests
{
    [Theory]
    [InlineData("crc32", "CBF43926")]
    [InlineData("crc32c", "E3069283")]
    [InlineData("crc64nvme", "AE8B14860A799888")]
    [InlineData("sha1", "F7C3BC1D808E04732ADF679965CCC34CA7AE3441")]
    public void Computes_the_check_value_of_123456789(string algorithm, string expectedHex)
    {
        using var checksum = S3Checksum.Create(algorithm)!;
        checksum.Append(Encoding.ASCII.GetBytes("1234"));
        checksum.Append(Encoding.ASCII.GetBytes("56789"));

        Assert.Equal(expectedHex, Convert.ToHexString(Convert.FromBase64String(checksum.ToBase64())));
    }

    [Fact]
    public void Matches_what_the_AWS_CLI_sends_for_hello_world()
    {
        using var checksum = S3Checksum.Create("CRC32")!;
        checksum.Append("hello world"u8);

        Assert.Equal("DUoRhQ==", checksum.ToBase64());
    }
}
