using System.Xml;
using System.Xml.Linq;

namespace Pipeline.Aws.Core;

/// <summary>Reads the AWS Query protocol's error shape: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.</summary>
public static class AwsQueryErrorParser
{
    /// <summary>The exception for <paramref name="response"/>.</summary>
    public static AwsServiceException Parse(AwsErrorResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? code = null;
        string? message = null;
        string? type = null;
        string? requestId = null;
        if (response.Body.Length > 0)
        {
            try
            {
                var root = AwsXml.Load(response.Body).Root;
                var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                code = AwsXml.ChildValue(error, "Code");
                message = AwsXml.ChildValue(error, "Message");
                type = AwsXml.ChildValue(error, "Type");
                requestId = AwsXml.ChildValue(root, "RequestId");
            }
            catch (XmlException)
            {
                // Not XML (a proxy's page): fall back to the status code.
            }
        }

        return new AwsServiceException(
            response.Service.ServiceId,
            response.Operation,
            code ?? response.FallbackCode,
            message ?? response.FallbackMessage,
            response.StatusCode,
            response.RequestId ?? requestId,
            errorType: type);
    }
}
