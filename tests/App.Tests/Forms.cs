using System.Net;
using System.Text.RegularExpressions;

namespace StudentRecords.App.Tests;

/// <summary>Talks to the app as a browser does: fetches a form for its antiforgery token, then posts it.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var form = await client.GetStringAsync(formUrl);
        var token = TokenIn(form);
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {formUrl}");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(postUrl ?? formUrl, new FormUrlEncodedContent(body));
    }

    /// <summary>The antiforgery token of the form in <paramref name="html"/>.</summary>
    public static string TokenIn(string html) => Token().Match(html).Groups[1].Value;

    public static Dictionary<string, string> Student(string name = "Ada Lovelace", string email = "ada@example.org", string age = "36", string course = "Mathematics", string enrolled = "2024-09-01", Guid? version = null) => new()
    {
        ["Input.FullName"] = name,
        ["Input.Email"] = email,
        ["Input.Age"] = age,
        ["Input.Course"] = course,
        ["Input.EnrolmentDate"] = enrolled,
        ["Input.Version"] = (version ?? Guid.Empty).ToString(),
    };

    /// <summary>Creates a student and returns its id, read from the redirect to its details page.</summary>
    public static async Task<int> CreateAsync(HttpClient client, Dictionary<string, string> student)
    {
        var response = await PostAsync(client, "/Students/Create", student);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The version hidden in an edit form, which a later save must present.</summary>
    public static async Task<Guid> VersionShownAsync(HttpClient client, int id) =>
        Guid.Parse(VersionField().Match(await client.GetStringAsync($"/Students/Edit/{id}")).Groups[1].Value);

    /// <summary>A browser that is not signed in (RecordsApp.SignedInClientAsync gives one that is).</summary>
    public static HttpClient Browser(RecordsApp app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("id=\"Input_Version\" name=\"Input.Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
