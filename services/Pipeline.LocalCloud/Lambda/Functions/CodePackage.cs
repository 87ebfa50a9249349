using System.IO.Compression;
using System.Security.Cryptography;

namespace Pipeline.LocalCloud.Lambda.Functions;

/// <summary>
/// Unpacks a deployment package the way Lambda does, into a folder of its own: Unix modes restored from the zip, no
/// entry written outside the folder (zip-slip), no more than Lambda's unzipped limit, and an executable
/// <c>bootstrap</c> at the root, since LocalCloud runs custom runtimes only.
/// </summary>
internal static class CodePackage
{
    public const string Bootstrap = "bootstrap";

    private const int FileTypeMask = 0xF000;
    private const int SymbolicLink = 0xA000;
    private const int Directory = 0x4000;
    private const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Base64 SHA-256, as Lambda's <c>CodeSha256</c>.</summary>
    public static string Sha256(ReadOnlySpan<byte> zip) => Convert.ToBase64String(SHA256.HashData(zip));

    /// <summary>
    /// Unpacks <paramref name="zip"/> into <paramref name="destination"/> (created, and expected to be new).
    /// Throws <c>InvalidParameterValueException</c> for anything Lambda or LocalCloud would not run.
    /// </summary>
    public static void Extract(byte[] zip, string destination, long maxUnzippedBytes = LambdaLimits.UnzippedCodeBytes)
    {
        var root = Path.GetFullPath(destination);
        System.IO.Directory.CreateDirectory(root);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw Unzippable();
        }

        using (archive)
        {
            try
            {
                ExtractEntries(archive, root, maxUnzippedBytes);
            }
            catch (InvalidDataException)
            {
                throw Unzippable();
            }
        }

        var bootstrap = Path.Combine(root, Bootstrap);
        if (!File.Exists(bootstrap))
        {
            throw LambdaErrors.InvalidParameter(
                "The deployment package has no 'bootstrap' file at its root. LocalCloud runs custom-runtime executables only (provided.al2023, provided.al2): put an executable named bootstrap at the top of the zip.");
        }

        if (!OperatingSystem.IsWindows())
        {
            // Zips made on Windows carry no Unix modes; Lambda would fail such a bootstrap with "permission denied",
            // LocalCloud is kinder, since the intent is plain.
            File.SetUnixFileMode(bootstrap, File.GetUnixFileMode(bootstrap) | Executable);
        }
    }

    private static void ExtractEntries(ZipArchive archive, string root, long maxUnzippedBytes)
    {
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            declared += entry.Length;
        }

        if (declared > maxUnzippedBytes)
        {
            throw TooLarge(maxUnzippedBytes);
        }

        long written = 0;
        var links = new List<(string Path, string Target)>();
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            var path = DestinationOf(root, entry.FullName);
            var mode = (entry.ExternalAttributes >> 16) & 0xFFFF;
            var type = mode & FileTypeMask;
            if (entry.FullName.EndsWith('/') || type == Directory)
            {
                System.IO.Directory.CreateDirectory(path);
                continue;
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (type == SymbolicLink)
            {
                using var reader = new StreamReader(entry.Open());
                links.Add((path, reader.ReadToEnd()));
                continue;
            }

            using (var source = entry.Open())
            using (var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                int read;
                while ((read = source.Read(buffer)) > 0)
                {
                    // The declared sizes can lie; the bytes actually inflated cannot.
                    written += read;
                    if (written > maxUnzippedBytes)
                    {
                        throw TooLarge(maxUnzippedBytes);
                    }

                    target.Write(buffer, 0, read);
                }
            }

            var permissions = (UnixFileMode)(mode & 0x1FF);
            if (permissions != UnixFileMode.None && !OperatingSystem.IsWindows())
            {
                // Owner read/write always, so LocalCloud can replace or delete what it unpacked.
                File.SetUnixFileMode(path, permissions | UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        // Links last, and only to places inside the package, so no later entry can be written through one.
        foreach (var (path, target) in links)
        {
            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
            if (Path.IsPathRooted(target) || !IsInside(root, resolved))
            {
                throw LambdaErrors.InvalidParameter($"The deployment package has a symbolic link leading outside it: {Path.GetRelativePath(root, path)} -> {target}.");
            }

            if (System.IO.Directory.Exists(path))
            {
                throw LambdaErrors.InvalidParameter($"The deployment package has both a folder and a symbolic link named {Path.GetRelativePath(root, path)}.");
            }

            File.Delete(path);

            File.CreateSymbolicLink(path, target);
        }
    }

    /// <summary>Where an entry goes; throws when its name would leave <paramref name="root"/>.</summary>
    internal static string DestinationOf(string root, string entryName)
    {
        // Windows tools write backslashes; Lambda treats both as separators.
        var name = entryName.Replace('\\', '/');
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal) || name.StartsWith('/') || Path.IsPathRooted(name)
            || name.Split('/').Any(segment => segment == ".."))
        {
            throw OutsideRoot(entryName);
        }

        var path = Path.GetFullPath(Path.Combine(root, name));
        if (!IsInside(root, path))
        {
            throw OutsideRoot(entryName);
        }

        return path;
    }

    private static bool IsInside(string root, string path)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) || path == root;
    }

    private static Hosting.AwsServiceException OutsideRoot(string entryName) =>
        LambdaErrors.InvalidParameter($"The deployment package has an entry outside its root: '{entryName}'.");

    private static Hosting.AwsServiceException Unzippable() =>
        LambdaErrors.InvalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");

    private static Hosting.AwsServiceException TooLarge(long limit) =>
        LambdaErrors.InvalidParameter($"Unzipped size must be smaller than {limit} bytes");
}
