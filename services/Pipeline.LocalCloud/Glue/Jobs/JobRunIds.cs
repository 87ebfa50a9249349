using System.Security.Cryptography;

namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>Glue's run ids: <c>jr_</c> and 64 lower-case hex digits.</summary>
internal static class JobRunIds
{
    public static string New() => "jr_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
