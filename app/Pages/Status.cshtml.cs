using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StudentRecords.App.Pages;

/// <summary>The page a bodiless error status gets (UseStatusCodePagesWithReExecute): what happened, and that nothing changed.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken] // it answers a re-executed POST whose token was the problem
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public (string Title, string Explanation) Text => Code switch
    {
        400 => ("The form could not be accepted", "It had expired or did not come from this site's own page. Nothing was saved: go back, reload the page and try again."),
        403 => ("Your role does not allow this", "Nothing was changed. Ask an administrator if you need this access."),
        404 => ("Not found", "There is no such page or student; it may have been deleted."),
        _ => ("Something went wrong", "The request could not be completed. Nothing was changed."),
    };

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
