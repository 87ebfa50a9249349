namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// A write-ahead intent: recorded before a content file is renamed into place or removed, cleared in the same
/// transaction that updates the object's row, and replayed on start-up after a crash in between.
/// </summary>
/// <param name="Id">Row id in the pending table.</param>
/// <param name="Object">The object being put; for a delete only bucket and key matter.</param>
/// <param name="ContentFile">The content file, relative to the objects root.</param>
/// <param name="TempFile">For a put, the fully written and flushed temp file to rename; null for a delete.</param>
internal sealed record PendingChange(long Id, ObjectInfo Object, string ContentFile, string? TempFile)
{
    public bool IsDelete => TempFile is null;
}
