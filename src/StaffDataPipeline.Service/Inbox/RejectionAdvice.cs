namespace StaffDataPipeline.Service.Inbox;

/// <summary>What the workforce team can do about a file that did not load, by reason code: the catalogue's words.</summary>
public static class RejectionAdvice
{
    public static string For(string? reasonCode) => StaffDataPipeline.Pipeline.ReasonCatalogue.WhatToDo(reasonCode);
}
