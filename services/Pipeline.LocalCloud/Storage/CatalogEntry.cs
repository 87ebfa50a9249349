namespace Pipeline.LocalCloud.Storage;

/// <summary>An object as the catalog records it: its metadata and its content file, relative to the objects root.</summary>
internal sealed record CatalogEntry(ObjectInfo Info, string ContentFile);
