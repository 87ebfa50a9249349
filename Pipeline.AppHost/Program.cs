namespace Pipeline.AppHost; internal static class Program { private static void Main() { } }
