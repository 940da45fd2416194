"""The standard wording of Skolverket's agreements (from the Stockholm ÖK 2, 2020).

A new agreement starts with these texts; each stays editable per agreement, so an
agreement that words a part differently keeps its own wording.
"""

from __future__ import annotations

from .agreement_kinds import AgreementKind

HANDLINGAR = {
    AgreementKind.OK1: ["Eventuella tillägg och ändringar till Överenskommelsen (ÖK 1)",
                        "Överenskommelsen (ÖK 1)"],
    AgreementKind.OK2: ["Eventuella tillägg och ändringar till Överenskommelsen (ÖK 2)",
                        "Överenskommelsen (ÖK 2)"],
    AgreementKind.AMENDMENT: ["Tillägget", "Överenskommelsen som tillägget ändrar"],
}

INTERIM_REPORT_POINTS = [
    "En beskrivning av vad som genomförts inom utvecklingsområdet under året",
    "En ekonomisk redovisning av använda medel, i enlighet med den mall som Skolverket "
    "ska tillhandahålla",
]

FINAL_REPORT_POINTS = [
    "Genomförda insatser",
    "Vilka som berörts av insatsen",
    "Resultatet och effekter utifrån uppföljning och eventuell utvärdering",
    "Hur Huvudmannen långsiktigt tar ansvar för att driva utvecklingsarbetet vidare utifrån "
    "de utvecklingsområden som utpekats och de insatser som är vidtagna enligt "
    "överenskommelsen",
]

BREACH = ("Om inte Huvudmannen fullgör sina åtaganden enligt denna Överenskommelse kan "
          "Skolverket komma att avbryta fortsatt samverkan.")

RECLAIM = ("Om Huvudmannen inte använder medlen för de insatser som anges i Överenskommelsen, "
           "inte lämnar redovisningar i tid eller på annat sätt inte fullgör sina åtaganden kan "
           "Skolverket besluta att helt eller delvis kräva tillbaka utbetalda medel (återkrav).")

EVALUATION = ("Huvudmannen och berörda skolenheter ska i rimlig omfattning bidra till "
              "Skolverkets utvärdering av de insatser som genomförs.")

CHANGES = ("Ändringar och tillägg till denna överenskommelse ska göras skriftligen och vara "
           "undertecknade av behöriga företrädare för Skolverket respektive Huvudmannen för att "
           "vara gällande.")

COPIES = ("Överenskommelsen har upprättats i två (2) likalydande exemplar, varav Skolverket "
          "respektive Huvudmannen tagit var sitt.")

BACKGROUND = (
    "Av uppdraget samverkan för bästa skola (U2019/03786/S) framgår att Skolverket i dialog "
    "med huvudmän ska genomföra insatser i syfte att höja kunskapsresultaten i skolan samt öka "
    "måluppfyllelsen i förskolan, förskoleklassen och fritidshemmet. Insatserna syftar även till "
    "att öka likvärdigheten inom och mellan skol- och förskoleenheter. Vidare framgår det av "
    "uppdraget att Skolverket ska ta tillvara internationella och nationella erfarenheter samt "
    "basera sina insatser på vetenskaplig grund och beprövad erfarenhet. Skolverket ska "
    "inhämta synpunkter från berörda aktörer samt samverka med universitet och högskolor. "
    "Skolverket ska enligt uppdraget fatta beslut om att genomföra insatserna.\n\n"
    "Av regeringsuppdraget framgår även att Skolverket ska komma överens med varje berörd "
    "huvudman om hur insatserna ska utformas och genomföras. I överenskommelserna ska "
    "Skolverket och huvudmannens respektive ansvar och åtaganden klargöras.")
