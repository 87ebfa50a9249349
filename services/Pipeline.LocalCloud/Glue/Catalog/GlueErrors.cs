using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Glue.Catalog;

/// <summary>The catalog's errors, with Glue's codes.</summary>
internal static class GlueErrors
{
    public const string AlreadyExists = "AlreadyExistsException";

    public static AwsServiceException NotFound(string message) => new("EntityNotFoundException", message);

    public static AwsServiceException Exists(string message) => new(AlreadyExists, message);

    public static AwsServiceException InvalidInput(string message) => new("InvalidInputException", message);
}
