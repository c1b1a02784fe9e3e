using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipAtlas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EstablishmentExtracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EstablishmentExtracts",
                columns: table => new
                {
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    ExtractDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SchoolCapacity = table.Column<int>(type: "integer", nullable: true),
                    OfstedRating = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    OfstedLastInspection = table.Column<DateOnly>(type: "date", nullable: true),
                    Gender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReligiousCharacter = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AdmissionsPolicy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    UrbanRural = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Boarders = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EstablishmentExtracts", x => new { x.Urn, x.ExtractDate });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EstablishmentExtracts");
        }
    }
}
