using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Lambda.Functions;

/// <summary>
/// The functions, kept under <c>&lt;data&gt;/lambda/&lt;name&gt;/</c>: <c>function.json</c> (the definition),
/// <c>code.zip</c> (the package as uploaded, for GetFunction) and <c>code/</c> (unpacked, what runs). Loaded at start,
/// so functions survive a restart. Changes are serialised; reads are lock-free snapshots.
/// </summary>
internal sealed partial class FunctionStore
{
    private const string DefinitionFile = "function.json";
    private const string PackageFile = "code.zip";
    private const string CodeFolder = "code";
    private const string TemporarySuffix = DurableFile.TemporarySuffix;

    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly TimeProvider _time;
    private readonly ILogger<FunctionStore> _logger;
    private volatile Dictionary<string, FunctionDefinition> _functions = new(StringComparer.Ordinal);

    public FunctionStore(LocalCloudOptions options, TimeProvider time, ILogger<FunctionStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = Path.Combine(options.DataDirectory, "lambda");
        Region = options.Region;
        AccountId = options.AccountId;
        _time = time;
        _logger = logger;
        Directory.CreateDirectory(Root);
        Load();
    }

    /// <summary><c>&lt;data&gt;/lambda</c>.</summary>
    public string Root { get; }

    public string Region { get; }

    public string AccountId { get; }

    public string ArnOf(string name) => FunctionReference.Arn(Region, AccountId, name);

    /// <summary>The unpacked code: the process's working directory and <c>LAMBDA_TASK_ROOT</c>.</summary>
    public string CodeDirectory(string name) => Path.Combine(Root, name, CodeFolder);

    /// <summary>The deployment package as uploaded.</summary>
    public string PackagePath(string name) => Path.Combine(Root, name, PackageFile);

    public FunctionDefinition? Find(string name) => _functions.GetValueOrDefault(name);

    /// <summary>All functions, by name in ordinal order (as Lambda lists them).</summary>
    public IReadOnlyList<FunctionDefinition> List() => [.. _functions.Values.OrderBy(f => f.FunctionName, StringComparer.Ordinal)];

    /// <summary>Unpacks the package and stores the function; <c>ResourceConflictException</c> when the name is taken.</summary>
    public async Task<FunctionDefinition> CreateAsync(FunctionDefinition definition, byte[] package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(package);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var name = definition.FunctionName;
            if (_functions.ContainsKey(name))
            {
                throw LambdaErrors.FunctionExists(name);
            }

            var folder = Path.Combine(Root, name);
            if (Directory.Exists(folder))
            {
                // Left by a crash between unpacking and writing function.json: never a function, so not kept.
                Directory.Delete(folder, recursive: true);
            }

            DurableFile.CreateDirectory(folder);
            try
            {
                var stored = Stamp(definition, package);
                ReplaceCode(name, package);
                WriteDefinition(stored);
                Publish(stored);
                return stored;
            }
            catch
            {
                TryDelete(folder);
                throw;
            }
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Applies <paramref name="change"/> to the configuration; <c>ResourceNotFoundException</c> for an unknown function.</summary>
    public async Task<FunctionDefinition> UpdateConfigurationAsync(string name, Func<FunctionDefinition, FunctionDefinition> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Find(name) ?? throw LambdaErrors.FunctionNotFound(ArnOf(name));
            var updated = change(current) with
            {
                FunctionName = current.FunctionName,
                LastModified = _time.GetUtcNow(),
                RevisionId = Guid.NewGuid().ToString(),
            };
            WriteDefinition(updated);
            Publish(updated);
            return updated;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Replaces the code (unpacked first, then swapped in) and returns the new definition.</summary>
    public async Task<FunctionDefinition> UpdateCodeAsync(string name, byte[] package, IReadOnlyList<string>? architectures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Find(name) ?? throw LambdaErrors.FunctionNotFound(ArnOf(name));
            var updated = Stamp(current, package) with { Architectures = architectures ?? current.Architectures };
            ReplaceCode(name, package);
            WriteDefinition(updated);
            Publish(updated);
            return updated;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Removes the function and its files; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_functions.ContainsKey(name))
            {
                return false;
            }

            var remaining = new Dictionary<string, FunctionDefinition>(_functions, StringComparer.Ordinal);
            remaining.Remove(name);
            _functions = remaining;

            // function.json first: a crash halfway leaves a folder that the next start ignores and the next create clears.
            File.Delete(Path.Combine(Root, name, DefinitionFile));
            TryDelete(Path.Combine(Root, name));
            return true;
        }
        finally
        {
            _changes.Release();
        }
    }

    private FunctionDefinition Stamp(FunctionDefinition definition, byte[] package) => definition with
    {
        CodeSize = package.Length,
        CodeSha256 = CodePackage.Sha256(package),
        LastModified = _time.GetUtcNow(),
        RevisionId = Guid.NewGuid().ToString(),
    };

    private void ReplaceCode(string name, byte[] package)
    {
        var folder = Path.Combine(Root, name);
        var unpacked = Path.Combine(folder, $"{CodeFolder}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            CodePackage.Extract(package, unpacked);
        }
        catch
        {
            TryDelete(unpacked);
            throw;
        }

        // Swap by renames, so a process starting now sees the old code or the new, never half of either.
        var code = CodeDirectory(name);
        var retired = Path.Combine(folder, $"{CodeFolder}.old.{Guid.NewGuid():N}{TemporarySuffix}");
        if (Directory.Exists(code))
        {
            Directory.Move(code, retired);
        }

        Directory.Move(unpacked, code);
        DurableFile.SyncDirectory(folder);
        TryDelete(retired);
        DurableFile.Replace(PackagePath(name), package);
    }

    private void WriteDefinition(FunctionDefinition definition) => DurableFile.Replace(
        Path.Combine(Root, definition.FunctionName, DefinitionFile),
        JsonSerializer.SerializeToUtf8Bytes(definition, FunctionStoreJsonContext.Default.FunctionDefinition));

    private void Publish(FunctionDefinition definition)
    {
        var next = new Dictionary<string, FunctionDefinition>(_functions, StringComparer.Ordinal)
        {
            [definition.FunctionName] = definition,
        };
        _functions = next;
    }

    private void Load()
    {
        var loaded = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            foreach (var leftover in Directory.EnumerateDirectories(folder, "*" + TemporarySuffix))
            {
                TryDelete(leftover);
            }

            var file = Path.Combine(folder, DefinitionFile);
            if (!File.Exists(file))
            {
                continue;
            }

            try
            {
                var definition = new StateDocument<FunctionDefinition>(file, FunctionStoreJsonContext.Default.FunctionDefinition).Load();
                if (definition is null || definition.FunctionName != name || !File.Exists(Path.Combine(CodeDirectory(name), CodePackage.Bootstrap)))
                {
                    LogSkipped(name, "its definition does not match its folder or its code is missing");
                    continue;
                }

                loaded[name] = definition;
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                LogSkipped(name, e.Message);
            }
        }

        _functions = loaded;
        if (loaded.Count > 0)
        {
            LogLoaded(loaded.Count, Root);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held open; the folder is cleared on the next start.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda: skipped the function folder '{Name}': {Reason}")]
    private partial void LogSkipped(string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lambda: loaded {Count} function(s) from {Root}")]
    private partial void LogLoaded(int count, string root);
}

/// <summary>Source-generated JSON for <c>function.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FunctionDefinition))]
internal sealed partial class FunctionStoreJsonContext : JsonSerializerContext;
