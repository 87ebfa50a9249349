namespace Pipeline.TerraformTests.Support;

/// <summary>Asserts a check found nothing, listing what it found otherwise.</summary>
public static class Problems
{
    public static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problem(s):\n" + string.Join('\n', list));
    }

    public static void AssertFound(IEnumerable<string> problems, string fragment)
    {
        var list = problems.ToList();
        Assert.True(
            list.Any(p => p.Contains(fragment, StringComparison.Ordinal)),
            $"expected a problem containing \"{fragment}\"; found:\n" + string.Join('\n', list));
    }
}
