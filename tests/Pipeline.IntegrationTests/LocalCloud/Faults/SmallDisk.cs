using System.Diagnostics;

namespace Pipeline.IntegrationTests.LocalCloud.Faults;

/// <summary>
/// A small tmpfs mounted on a fresh temporary folder: a disk a test can fill with one file and free again. Mounting
/// needs root (or CAP_SYS_ADMIN); <see cref="RefusalReason"/> says why it cannot be had on this machine.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private const string FillerName = "filler.bin";

    private static readonly Lazy<string?> Probe = new(ProbeMount);

    private SmallDisk(string path) => Path = path;

    /// <summary>Why a tmpfs cannot be mounted here, or null when it can.</summary>
    public static string? RefusalReason => Probe.Value;

    public string Path { get; }

    public static SmallDisk Mount(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("pipeline-small-disk-").FullName;
        var (exit, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (exit != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"mount -t tmpfs failed ({exit}): {output}");
        }

        return new SmallDisk(path);
    }

    /// <summary>Writes one file until the file system refuses another byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, FillerName), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        foreach (var size in new[] { 1 << 20, 64 << 10, 4 << 10, 512, 1 })
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    filler.Write(chunk);
                }
            }
            catch (IOException)
            {
                // Full at this granularity; try a smaller one.
            }
        }
    }

    public void Free() => File.Delete(System.IO.Path.Combine(Path, FillerName));

    public void Dispose()
    {
        var (exit, output) = Run("umount", "--lazy", Path);
        if (exit == 0)
        {
            Directory.Delete(Path);
        }
        else
        {
            Console.Error.WriteLine($"umount {Path} failed ({exit}): {output}");
        }
    }

    private static string? ProbeMount()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "a tmpfs can only be mounted on Linux";
        }

        try
        {
            using var disk = Mount(1);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"this test fills a small tmpfs and this machine refuses to mount one ({e.Message.Trim()}); run it as root or with CAP_SYS_ADMIN";
        }
    }

    private static (int Exit, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
