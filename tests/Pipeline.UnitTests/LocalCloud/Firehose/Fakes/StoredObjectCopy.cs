using Pipeline.LocalCloud.Storage;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Fakes;

/// <summary>What <see cref="FakeObjectStore"/> holds for a key, and how many times it was written.</summary>
internal sealed record StoredObjectCopy(string Bucket, string Key, byte[] Content, ObjectWriteOptions Options, int Writes);
