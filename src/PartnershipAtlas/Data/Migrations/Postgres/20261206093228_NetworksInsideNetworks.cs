using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipAtlas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NetworksInsideNetworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Memberships_OneMember",
                table: "Memberships");

            migrationBuilder.AddColumn<int>(
                name: "MemberPartnershipId",
                table: "Memberships",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_MemberPartnershipId_PartnershipId",
                table: "Memberships",
                columns: new[] { "MemberPartnershipId", "PartnershipId" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Memberships_NotItsOwnMember",
                table: "Memberships",
                sql: "\"MemberPartnershipId\" IS NULL OR \"MemberPartnershipId\" <> \"PartnershipId\"");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Memberships_OneMember",
                table: "Memberships",
                sql: "(CASE WHEN \"EstablishmentUrn\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"OrganisationId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MemberPartnershipId\" IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.AddForeignKey(
                name: "FK_Memberships_Partnerships_MemberPartnershipId",
                table: "Memberships",
                column: "MemberPartnershipId",
                principalTable: "Partnerships",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Memberships_Partnerships_MemberPartnershipId",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_MemberPartnershipId_PartnershipId",
                table: "Memberships");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Memberships_NotItsOwnMember",
                table: "Memberships");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Memberships_OneMember",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "MemberPartnershipId",
                table: "Memberships");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Memberships_OneMember",
                table: "Memberships",
                sql: "(\"EstablishmentUrn\" IS NULL) <> (\"OrganisationId\" IS NULL)");
        }
    }
}
