using Microsoft.AspNetCore.Components.Rendering;

namespace GuidanceBot.Web.Html;

/// <summary>
/// A &lt;script&gt; element on a page rendered on the server: a file of this host (Src, deferred unless told otherwise) or
/// a JSON data block (Type application/json, never run). Razor refuses a literal &lt;script&gt; in a component because interactive
/// components cannot update one; these pages are static, so the element is written here.
/// </summary>
public sealed class ScriptTag : ComponentBase
{
    [Parameter] public string? Src { get; set; }

    /// <summary>Run the file once the page is parsed (the default); false runs it where it stands.</summary>
    [Parameter] public bool Defer { get; set; } = true;

    [Parameter] public string? Id { get; set; }

    [Parameter] public string? Type { get; set; }

    /// <summary>The data block's text, already safe inside a script element (e.g. JSON with &lt; escaped).</summary>
    [Parameter] public MarkupString? Content { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "script");
        builder.AddAttribute(1, "type", Type);
        builder.AddAttribute(2, "id", Id);
        builder.AddAttribute(3, "src", Src);
        builder.AddAttribute(4, "defer", Src is not null && Defer);
        if (Content is { } content)
        {
            builder.AddContent(5, content);
        }
        builder.CloseElement();
    }
}
