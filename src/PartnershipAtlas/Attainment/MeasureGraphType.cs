using GraphQL.Types;

namespace PartnershipAtlas.Attainment;

/// <summary>One performance-table field's value or marker.</summary>
public sealed class MeasureGraphType : ObjectGraphType<MeasureReading>
{
    public MeasureGraphType()
    {
        Name = "Measure";
        Description = "One DfE performance-table field: its value, or the marker published instead (a suppressed value is never a zero or a bare null).";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The DfE field name, e.g. PTRWM_EXP.").Resolve(c => c.Source.Code);
        Field<StringGraphType>("label").Description("The field's description in the DfE field guide of the year (or the nearest year).").Resolve(c => c.Source.Label);
        Field<FloatGraphType>("value").Description("The number when status is VALUE (a percentage as 0–100), otherwise null.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<MeasureStatusGraphType>>("status").Description("VALUE or the marker published instead.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("raw").Description("The text as published when it is not a plain number (markers, descriptive text).").Resolve(c => c.Source.Raw);
        Field<NonNullGraphType<BooleanGraphType>>("isPercentage").Description("The field's values are published as percentages.").Resolve(c => c.Source.IsPercentage);
        Field<FloatGraphType>("lower").Description("The lower 95% confidence limit, where published (e.g. READPROG_LOWER, P8CILOW).").Resolve(c => c.Source.Lower);
        Field<FloatGraphType>("upper").Description("The upper 95% confidence limit, where published (e.g. READPROG_UPPER, P8CIUPP).").Resolve(c => c.Source.Upper);
    }
}
