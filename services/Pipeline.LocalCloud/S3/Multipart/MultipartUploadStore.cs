using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.LocalCloud.S3.Payload;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Multipart;

/// <summary>
/// Multipart uploads in progress, one folder each under <c>&lt;DataDirectory&gt;/s3/uploads/&lt;uploadId&gt;</c>:
/// <c>upload.json</c> and one file per part named <c>part-&lt;number&gt;-&lt;md5&gt;</c>. Outside the objects folder, so
/// nothing globbing objects ever sees a part. Upload ids are generated here and checked on the way in, so a crafted
/// id cannot name a folder elsewhere.
/// </summary>
internal sealed class MultipartUploadStore
{
    private const string StateFile = "upload.json";
    private const string PartPrefix = "part-";

    private readonly Lock _gate = new();

    public MultipartUploadStore(string directory)
    {
        Root = Path.GetFullPath(directory);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public MultipartUpload Create(string bucket, string key, string contentType, string? contentEncoding, Dictionary<string, string> metadata, DateTimeOffset initiated)
    {
        var upload = new MultipartUpload(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            bucket,
            key,
            contentType,
            contentEncoding,
            metadata,
            initiated);
        var folder = FolderOf(upload.UploadId)!;
        DurableFile.Replace(Path.Combine(folder, StateFile), JsonSerializer.SerializeToUtf8Bytes(upload, MultipartJsonContext.Default.MultipartUpload));
        return upload;
    }

    /// <summary>The upload, or null when the id is unknown, malformed, completed or aborted.</summary>
    public MultipartUpload? Find(string uploadId)
    {
        if (FolderOf(uploadId) is not { } folder)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(folder, StateFile)), MultipartJsonContext.Default.MultipartUpload);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores a part (replacing an earlier one with the same number) and returns it.</summary>
    public async Task<UploadedPart> WritePartAsync(MultipartUpload upload, int partNumber, Stream content, CancellationToken cancellationToken)
    {
        var folder = FolderOf(upload.UploadId) ?? throw S3Errors.NoSuchUpload();
        var temp = Path.Combine(folder, ".tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (size, md5Hex) = await DurableFile.WriteNewAsync(temp, content, cancellationToken).ConfigureAwait(false);
            var path = Path.Combine(folder, $"{PartPrefix}{partNumber:D5}-{md5Hex}");
            lock (_gate)
            {
                if (!File.Exists(Path.Combine(folder, StateFile)))
                {
                    // Completed or aborted while this part was uploading.
                    throw S3Errors.NoSuchUpload();
                }

                foreach (var earlier in Directory.EnumerateFiles(folder, $"{PartPrefix}{partNumber:D5}-*"))
                {
                    File.Delete(earlier);
                }

                DurableFile.MoveIntoPlace(temp, path);
            }

            return new UploadedPart(partNumber, md5Hex, size, path);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The parts uploaded so far, by part number.</summary>
    public IReadOnlyList<UploadedPart> Parts(string uploadId)
    {
        if (FolderOf(uploadId) is not { } folder || !Directory.Exists(folder))
        {
            return [];
        }

        var parts = new List<UploadedPart>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles(PartPrefix + "*"))
        {
            var name = file.Name;
            if (name.Length == PartPrefix.Length + 5 + 1 + 32
                && int.TryParse(name.AsSpan(PartPrefix.Length, 5), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                parts.Add(new UploadedPart(number, name[(PartPrefix.Length + 6)..], file.Length, file.FullName));
            }
        }

        parts.Sort((a, b) => a.PartNumber.CompareTo(b.PartNumber));
        return parts;
    }

    /// <summary>Removes the upload and its parts; false when there was no such upload.</summary>
    public bool Delete(string uploadId)
    {
        if (FolderOf(uploadId) is not { } folder)
        {
            return false;
        }

        lock (_gate)
        {
            if (!Directory.Exists(folder))
            {
                return false;
            }

            Directory.Delete(folder, recursive: true);
            return true;
        }
    }

    /// <summary>The folder of an upload id this store could have issued (48 lower-case hex digits); null otherwise.</summary>
    private string? FolderOf(string uploadId)
    {
        if (uploadId.Length != 48 || !uploadId.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            return null;
        }

        return Path.Combine(Root, uploadId);
    }
}

/// <summary>An upload in progress: where the object will go and the metadata it will carry.</summary>
internal sealed record MultipartUpload(
    string UploadId,
    string Bucket,
    string Key,
    string ContentType,
    string? ContentEncoding,
    Dictionary<string, string> UserMetadata,
    DateTimeOffset Initiated);

/// <summary>A stored part: its number, MD5 (its ETag, unquoted lower-case hex), size and file.</summary>
internal sealed record UploadedPart(int PartNumber, string Md5Hex, long Size, string Path)
{
    public string ETag => "\"" + Md5Hex + "\"";
}

/// <summary>An upload's state is kept beside its parts as JSON, so uploads survive a restart as they do in S3.</summary>
[JsonSerializable(typeof(MultipartUpload))]
internal sealed partial class MultipartJsonContext : JsonSerializerContext;

/// <summary>Reads files one after another as one stream: the parts of a completed upload, in order.</summary>
internal sealed class ConcatenatedStream(IReadOnlyList<string> paths) : ReadOnlyStream
{
    private int _next;
    private FileStream? _current;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_current is null)
            {
                if (_next == paths.Count)
                {
                    return 0;
                }

                _current = new FileStream(paths[_next++], new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read | FileShare.Delete, BufferSize = 0, Options = FileOptions.Asynchronous });
            }

            var read = await _current.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0 || buffer.IsEmpty)
            {
                return read;
            }

            await _current.DisposeAsync().ConfigureAwait(false);
            _current = null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
        }

        base.Dispose(disposing);
    }
}
