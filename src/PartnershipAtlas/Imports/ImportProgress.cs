namespace PartnershipAtlas.Imports;

/// <summary>How far an import has read its file.</summary>
public sealed record ImportProgress(int Records, long BytesRead, long TotalBytes);
