using System.Net;
using System.Text;

namespace StudentRecords.App.Tests;

/// <summary>Uploads a file through the import form as a browser does, and follows it to the dry run.</summary>
public static class CsvUploads
{
    public const string Header = "Full name,E-mail,Age,Course or programme,Enrolment date";

    public static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>Posts the file; the response is the redirect to its dry run, or the page with the refusal.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] content, string fileName = "students.csv")
    {
        var token = Forms.TokenIn(await client.GetStringAsync("/Students/Import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await client.PostAsync("/Students/Import?handler=Upload", form);
    }

    /// <summary>Uploads the file and returns the dry run's URL and page.</summary>
    public static async Task<(string Url, string Page)> DryRunAsync(HttpClient client, byte[] content, string fileName = "students.csv")
    {
        var response = await PostAsync(client, content, fileName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.ToString();
        return (url, await client.GetStringAsync(url));
    }

    /// <summary>Presses "Import" on a dry run page: its own form, with the id and columns it holds.</summary>
    public static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string dryRunUrl)
    {
        var page = await client.GetStringAsync(dryRunUrl);
        var form = page.IndexOf("handler=Import", StringComparison.Ordinal);
        Assert.True(form >= 0, "the dry run offers no import");
        var fields = System.Text.RegularExpressions.Regex.Matches(page[form..], "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["__RequestVerificationToken"] = Forms.TokenIn(page);
        return await client.PostAsync("/Students/Import?handler=Import", new FormUrlEncodedContent(fields));
    }
}
