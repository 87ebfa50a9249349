using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.Functions;
using Pipeline.UnitTests.LocalCloud.LambdaService.Fakes;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>Functions live in the data directory and come back, as they were, when LocalCloud starts again.</summary>
public sealed class FunctionStorePersistenceTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private FunctionStore Open() => new(new LocalCloudOptions { DataDirectory = _data.Path }, TimeProvider.System, NullLogger<FunctionStore>.Instance);

    private static FunctionDefinition Definition(string name) => new()
    {
        FunctionName = name,
        Runtime = "provided.al2023",
        Role = "arn:aws:iam::000000000000:role/x",
        Handler = "bootstrap",
        Timeout = 30,
        MemorySize = 256,
        Environment = new Dictionary<string, string> { ["A"] = "1" },
    };

    [Fact]
    public async Task A_created_function_is_reloaded_by_a_new_store()
    {
        var zip = TestZip.WithBootstrap(("lib/data.txt", "d", TestZip.RegularFile));
        var created = await Open().CreateAsync(Definition("f"), zip);

        var reloaded = Open().Find("f");

        Assert.NotNull(reloaded);
        Assert.Equal(created.RevisionId, reloaded.RevisionId);
        Assert.Equal(created.CodeSha256, reloaded.CodeSha256);
        Assert.Equal(zip.Length, reloaded.CodeSize);
        Assert.Equal(30, reloaded.Timeout);
        Assert.Equal(256, reloaded.MemorySize);
        Assert.Equal("1", reloaded.Environment["A"]);
        Assert.Equal(created.LastModified, reloaded.LastModified);
        Assert.True(File.Exists(Path.Combine(_data.Path, "lambda", "f", "code", "bootstrap")));
        Assert.Equal(zip, await File.ReadAllBytesAsync(Path.Combine(_data.Path, "lambda", "f", "code.zip")));
    }

    [Fact]
    public async Task Configuration_and_code_updates_are_reloaded()
    {
        var store = Open();
        await store.CreateAsync(Definition("f"), TestZip.WithBootstrap());
        await store.UpdateConfigurationAsync("f", d => d with { Timeout = 5, ReservedConcurrentExecutions = 2 });
        var newZip = TestZip.WithBootstrap(("new.txt", "n", TestZip.RegularFile));
        var updated = await store.UpdateCodeAsync("f", newZip, null);

        var reloaded = Open().Find("f")!;

        Assert.Equal(5, reloaded.Timeout);
        Assert.Equal(2, reloaded.ReservedConcurrentExecutions);
        Assert.Equal(updated.CodeSha256, reloaded.CodeSha256);
        Assert.True(File.Exists(Path.Combine(store.CodeDirectory("f"), "new.txt")));
    }

    [Fact]
    public async Task A_deleted_function_stays_deleted()
    {
        var store = Open();
        await store.CreateAsync(Definition("f"), TestZip.WithBootstrap());

        Assert.True(await store.DeleteAsync("f"));

        Assert.Null(Open().Find("f"));
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "lambda", "f")));
        Assert.False(await store.DeleteAsync("f"));
    }

    [Fact]
    public async Task A_second_create_of_the_same_name_is_a_conflict()
    {
        var store = Open();
        await store.CreateAsync(Definition("f"), TestZip.WithBootstrap());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => store.CreateAsync(Definition("f"), TestZip.WithBootstrap()));

        Assert.Equal("ResourceConflictException", error.Code);
        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public async Task A_refused_package_leaves_no_function_behind()
    {
        var store = Open();

        await Assert.ThrowsAsync<AwsServiceException>(() => store.CreateAsync(Definition("f"), TestZip.Create(("readme", "no bootstrap", TestZip.RegularFile))));

        Assert.Null(store.Find("f"));
        Assert.Null(Open().Find("f"));
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "lambda", "f")));
    }

    [Fact]
    public async Task A_damaged_definition_is_skipped_and_the_others_load()
    {
        var store = Open();
        await store.CreateAsync(Definition("good"), TestZip.WithBootstrap());
        await store.CreateAsync(Definition("bad"), TestZip.WithBootstrap());
        await File.WriteAllTextAsync(Path.Combine(_data.Path, "lambda", "bad", "function.json"), "{ not json");

        var reloaded = Open();

        Assert.NotNull(reloaded.Find("good"));
        Assert.Null(reloaded.Find("bad"));
    }

    [Fact]
    public async Task Functions_are_listed_in_name_order()
    {
        var store = Open();
        foreach (var name in new[] { "b", "a", "C" })
        {
            await store.CreateAsync(Definition(name), TestZip.WithBootstrap());
        }

        Assert.Equal(["C", "a", "b"], Open().List().Select(f => f.FunctionName));
    }
}
