namespace PartnershipAtlas.Attainment;

/// <summary>A DfE performance-table field (e.g. <c>PTRWM_EXP</c>) of one key stage, as first seen in an imported file.</summary>
public sealed class Measure
{
    public int Id { get; set; }
    public KeyStage KeyStage { get; set; }

    /// <summary>The field name as the DfE publishes it (matched without regard to case).</summary>
    public required string Code { get; set; }

    /// <summary>Some published value ended in <c>%</c>.</summary>
    public bool IsPercentage { get; set; }
}
