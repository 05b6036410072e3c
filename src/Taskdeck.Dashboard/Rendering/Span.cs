namespace Taskdeck.Dashboard.Rendering;

/// <summary>A run of text drawn in one tone.</summary>
public readonly record struct Span(string Text, Tone Tone = Tone.Plain);
