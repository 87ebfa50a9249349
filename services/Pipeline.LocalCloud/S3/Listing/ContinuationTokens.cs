using System.Text;

namespace Pipeline.LocalCloud.S3.Listing;

/// <summary>
/// ListObjectsV2 continuation tokens: opaque to clients, here the base64url of the last key or common prefix returned.
/// </summary>
internal static class ContinuationTokens
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string lastEntry) =>
        Convert.ToBase64String(StrictUtf8.GetBytes(lastEntry)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The entry a token continues after; throws InvalidArgument for a token LocalCloud did not issue.</summary>
    public static string Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var decoded = StrictUtf8.GetString(Convert.FromBase64String(base64));
            if (decoded.Length > 0)
            {
                return decoded;
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
        }

        throw S3Errors.InvalidArgument("The continuation token provided is incorrect");
    }
}
