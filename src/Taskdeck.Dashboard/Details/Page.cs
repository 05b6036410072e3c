namespace Taskdeck.Dashboard.Details;

/// <summary>A full-screen page of text: its title, its lines, and the link <c>o</c> opens from it.</summary>
public sealed record Page(string Title, IReadOnlyList<string> Lines, string? Url);
