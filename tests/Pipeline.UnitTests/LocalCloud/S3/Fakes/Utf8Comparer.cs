using System.Text;

namespace Pipeline.UnitTests.LocalCloud.S3.Fakes;

/// <summary>S3's key order, computed independently of the code under test: compare the UTF-8 bytes.</summary>
internal sealed class Utf8Comparer : IComparer<string>
{
    public static readonly Utf8Comparer Instance = new();

    public int Compare(string? x, string? y) =>
        Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
}
