namespace PartnershipAtlas.Imports;

/// <summary>The whole file is refused: nothing it holds is applied.</summary>
public sealed class ImportRefusedException(string reason) : Exception(reason);
