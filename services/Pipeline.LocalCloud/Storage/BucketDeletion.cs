namespace Pipeline.LocalCloud.Storage;

/// <summary>What <see cref="IObjectStore.DeleteBucketAsync"/> did; S3 answers 204, 404 NoSuchBucket or 409 BucketNotEmpty.</summary>
public enum BucketDeletion
{
    Deleted,
    NotFound,
    NotEmpty,
}
