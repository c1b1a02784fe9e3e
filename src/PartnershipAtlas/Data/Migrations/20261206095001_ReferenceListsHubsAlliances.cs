using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipAtlas.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceListsHubsAlliances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DistrictAliases",
                columns: table => new
                {
                    Alias = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistrictAliases", x => x.Alias);
                });

            migrationBuilder.CreateTable(
                name: "ListedMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Joined = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Left = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListedMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListedMembers_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ListedMembers_PartnershipId_Urn",
                table: "ListedMembers",
                columns: new[] { "PartnershipId", "Urn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DistrictAliases");

            migrationBuilder.DropTable(
                name: "ListedMembers");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "Partnerships");
        }
    }
}
