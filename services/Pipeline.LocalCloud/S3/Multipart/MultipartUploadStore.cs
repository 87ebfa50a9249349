using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
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
    private const int CopyBufferSize = 128 * 1024;

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
        long size = 0;
        string md5Hex;
        try
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
            try
            {
                await using var file = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 0, Options = FileOptions.Asynchronous });
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    md5.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    size += read;
                }

                file.Flush(flushToDisk: true);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            md5Hex = Convert.ToHexStringLower(md5.GetHashAndReset());
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
