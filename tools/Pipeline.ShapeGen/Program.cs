using Pipeline.ShapeGen;

// Usage: dotnet run --project tools/Pipeline.ShapeGen [-- <repository root>]
var root = args.Length > 0 ? Path.GetFullPath(args[0]) : ShapeGenerator.FindRepositoryRoot(Directory.GetCurrentDirectory());
foreach (var file in ShapeGenerator.GenerateAll(root))
{
    var path = Path.Combine(root, file.RelativePath);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, file.Text);
    Console.WriteLine($"wrote {file.RelativePath}");
}
