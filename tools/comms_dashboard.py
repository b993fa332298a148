"""Writes the office's dashboard: ``comms_office/data/files/*_dashboard.json``.

The dashboard is an Odoo spreadsheet: pivots and charts over the module's
reporting views, each figure a grouped read on one of them. Edit this file and
run ``python tools/comms_dashboard.py`` rather than the JSON itself.
"""

import json
from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent
    / "comms_office"
    / "data"
    / "files"
    / "comms_office_dashboard.json"
)
PERIOD = "6a1f2c3d-0001-4c0e-9b1a-comms0period"
DEPARTMENT = "6a1f2c3d-0002-4c0e-9b1a-comms0departm"
COMPLAINTS = "comms.complaint.report"
MEDIA = "comms.media.report"
OFFICE = "comms.office.report"
DATE_FIELD = {
    COMPLAINTS: ("date_received", "datetime"),
    MEDIA: ("date", "date"),
    OFFICE: ("date", "date"),
}
COLS = "ABCDEFGHIJKL"


def matching(model, period=True):
    result = {}
    if period:
        chain, kind = DATE_FIELD[model]
        result[PERIOD] = {"chain": chain, "type": kind, "offset": 0}
    if model == COMPLAINTS:
        result[DEPARTMENT] = {"chain": "department_id", "type": "many2one"}
    return result


def pivot(pid, name, model, measures, rows=(), domain=(), period=True, sort=None):
    return {
        "type": "ODOO",
        "id": str(pid),
        "formulaId": str(pid),
        "name": name,
        "model": model,
        "domain": list(domain),
        "context": {},
        "measures": [
            {"id": m, "fieldName": m.split(":")[0], "aggregator": m.split(":")[1]}
            for m in measures
        ],
        "rows": [{"fieldName": row, "order": "asc"} for row in rows],
        "columns": [],
        "sortedColumn": sort and {"domain": [], "order": "desc", "measure": sort},
        "fieldMatching": matching(model, period),
    }


def view_link(label, action, model, mode="graph", domain=(), group_by=(), measure=None):
    context = {"group_by": list(group_by)}
    if mode == "graph":
        context.update(
            graph_measure=measure or "__count", graph_groupbys=list(group_by)
        )
    else:
        context.update(pivot_row_groupby=list(group_by))
    target = {
        "viewType": mode,
        "action": {
            "xmlId": action,
            "domain": list(domain),
            "context": context,
            "modelName": model,
            "views": [[False, mode], [False, "list"], [False, "search"]],
        },
        "threshold": 0,
        "name": label,
    }
    return f"[{label}](odoo://view/{json.dumps(target, separators=(',', ':'))})"


def chart(
    fid, row, col, width, height, title, model, mode, group_by, measure, domain=()
):
    return {
        "id": fid,
        "tag": "chart",
        "col": col,
        "row": row,
        "offset": {"x": 0, "y": 0},
        "width": width,
        "height": height,
        "data": {
            "title": {"text": title, "bold": True, "color": "#434343"},
            "background": "#FFFFFF",
            "legendPosition": "top" if mode == "pie" else "none",
            "metaData": {
                "groupBy": list(group_by),
                "measure": measure,
                "order": None if mode == "line" else "DESC",
                "resModel": model,
                "mode": mode,
                "cumulatedStart": False,
            },
            "searchParams": {
                "comparison": None,
                "context": {},
                "domain": list(domain),
                "groupBy": list(group_by),
                "orderBy": [],
            },
            "type": f"odoo_{mode}",
            "dataSets": [],
            "verticalAxisPosition": "left",
            "stacked": False,
            "cumulatedStart": False,
            "fieldMatching": {
                key: {k: v for k, v in value.items() if k != "offset"}
                for key, value in matching(model).items()
            },
        },
    }


def scorecard(fid, row, col, title, key, background):
    return {
        "id": fid,
        "tag": "chart",
        "col": col,
        "row": row,
        "offset": {"x": 0, "y": 0},
        "width": 220,
        "height": 100,
        "data": {
            "type": "scorecard",
            "title": {"text": title, "bold": True, "color": "#434343"},
            "background": background,
            "keyValue": key,
            "baselineMode": "text",
            "baselineColorUp": "#00A04A",
            "baselineColorDown": "#DC6965",
            "humanize": False,
        },
    }


def build():
    cells, styles, formats, figures = {}, {}, {}, []
    menus = {}
    complaint_domain = [["kind", "=", "complaint"]]

    def kpis(row, pid, items):
        for index, (label, measure, fmt) in enumerate(items):
            col = COLS[index]
            cells[f"{col}{row}"] = f'=_t("{label}")'
            cells[f"{col}{row + 1}"] = f'=PIVOT.VALUE({pid},"{measure}")'
            styles[f"{col}{row}"] = 3
            styles[f"{col}{row + 1}"] = 5
            formats[f"{col}{row + 1}"] = fmt

    def table(row, col0, pid, field, title_cells, measures, size=8):
        for offset, label in enumerate(title_cells):
            cell = f"{COLS[col0 + offset]}{row}"
            cells[cell] = f'=_t("{label}")'
            styles[cell] = 3
        for i in range(1, size + 1):
            r = row + i
            cells[f"{COLS[col0]}{r}"] = f'=PIVOT.HEADER({pid},"#{field}",{i})'
            for offset, (measure, fmt) in enumerate(measures, start=1):
                cell = f"{COLS[col0 + offset]}{r}"
                cells[cell] = f'=PIVOT.VALUE({pid},"{measure}","#{field}",{i})'
                formats[cell] = fmt

    cells["A1"] = '=_t("Communication Office")'
    styles["A1"] = 2
    # complaints
    cells["A3"] = view_link(
        "Complaints",
        "comms_office.comms_complaint_report_action",
        COMPLAINTS,
        domain=complaint_domain,
        group_by=["date_received:month"],
        measure="received_count",
    )
    styles["A3"] = 2
    kpis(
        4,
        1,
        [
            ("Received", "received_count:sum", 1),
            ("Acknowledged on time", "ack_on_time_count:sum", 1),
            ("Answered", "answered_count:sum", 1),
            ("Answered on time (%)", "on_time_rate:avg", 2),
            ("Working days to answer", "working_days_to_answer:avg", 3),
            ("Satisfaction (1-5)", "satisfaction_score:avg", 3),
        ],
    )
    # what is open and overdue now, whenever it came: a click opens the
    # complaints themselves
    cells["A7"] = '=PIVOT.VALUE(6,"open_count:sum")'
    cells["B7"] = '=PIVOT.VALUE(6,"overdue_count:sum")'
    # the scorecards show these cells: the cells themselves stay unseen
    styles["A7"] = styles["B7"] = 6
    figures.append(
        scorecard("comms-open-now", 6, 0, "Open now", "Dashboard!A7", "#EFF6FF")
    )
    figures.append(
        scorecard("comms-overdue-now", 6, 2, "Overdue now", "Dashboard!B7", "#F4CCCC")
    )
    menus["comms-open-now"] = "comms_office.comms_complaint_menu"
    menus["comms-overdue-now"] = "comms_office.comms_complaint_menu_overdue"
    figures.append(
        chart(
            "comms-ontime-month",
            11,
            0,
            560,
            300,
            "Answered on time (%) by month",
            COMPLAINTS,
            "line",
            ["date_received:month"],
            "on_time_rate",
            complaint_domain,
        )
    )
    figures.append(
        chart(
            "comms-channel",
            11,
            6,
            560,
            300,
            "Complaints by channel",
            COMPLAINTS,
            "pie",
            ["channel"],
            "received_count",
            complaint_domain,
        )
    )
    # by department, by category (rows 25 to 33)
    cells["A26"] = '=_t("By department")'
    cells["G26"] = '=_t("By category")'
    styles["A26"] = styles["G26"] = 2
    headings = ["Received", "Open", "Overdue", "On time (%)", "Working days"]
    measures = [
        ("received_count:sum", 1),
        ("open_count:sum", 1),
        ("overdue_count:sum", 1),
        ("on_time_rate:avg", 2),
        ("working_days_to_answer:avg", 3),
    ]
    table(
        27,
        0,
        2,
        "department_id",
        ["Department", *headings[:2], headings[2]],
        measures[:3],
    )
    cells["E27"] = '=_t("On time (%)")'
    styles["E27"] = 3
    for i in range(1, 9):
        cells[f"E{27 + i}"] = f'=PIVOT.VALUE(2,"on_time_rate:avg","#department_id",{i})'
        formats[f"E{27 + i}"] = 2
    table(
        27, 6, 3, "category_id", ["Category", *headings[:3], headings[3]], measures[:4]
    )
    figures.append(
        chart(
            "comms-outcome",
            37,
            0,
            560,
            300,
            "Complaints by outcome",
            COMPLAINTS,
            "pie",
            ["outcome"],
            "answered_count",
            complaint_domain,
        )
    )
    figures.append(
        chart(
            "comms-kind",
            37,
            6,
            560,
            300,
            "Register by type",
            COMPLAINTS,
            "bar",
            ["kind"],
            "received_count",
        )
    )
    # media
    cells["A53"] = view_link(
        "Media",
        "comms_office.comms_media_report_action",
        MEDIA,
        mode="pivot",
        group_by=["outlet_id"],
    )
    styles["A53"] = 2
    kpis(
        54,
        4,
        [
            ("Inquiries", "inquiry_count:sum", 1),
            ("Inquiries answered on time (%)", "inquiry_on_time_rate:avg", 2),
            ("Press releases sent", "sent_count:sum", 1),
            ("Open rate (%)", "open_rate:avg", 2),
            ("Clippings", "coverage_count:sum", 1),
            ("Reach", "reach:sum", 1),
        ],
    )
    figures.append(
        chart(
            "comms-tone",
            57,
            0,
            380,
            300,
            "Coverage by tone",
            MEDIA,
            "pie",
            ["tone"],
            "coverage_count",
            [["kind", "=", "coverage"]],
        )
    )
    figures.append(
        chart(
            "comms-outlet",
            57,
            4,
            380,
            300,
            "Coverage by outlet",
            MEDIA,
            "bar",
            ["outlet_id"],
            "coverage_count",
            [["kind", "=", "coverage"]],
        )
    )
    figures.append(
        chart(
            "comms-open-rate",
            57,
            8,
            380,
            300,
            "Open rate (%) by outlet",
            MEDIA,
            "bar",
            ["outlet_id"],
            "open_rate",
            [["kind", "=", "dispatch"]],
        )
    )
    # campaigns, events, recommendations
    cells["A73"] = view_link(
        "Campaigns, events and recommendations",
        "comms_office.comms_office_report_action",
        OFFICE,
        mode="pivot",
        group_by=["campaign_id"],
    )
    styles["A73"] = 2
    kpis(
        74,
        5,
        [
            ("Campaigns running", "running_count:sum", 1),
            ("Events", "event_count:sum", 1),
            ("Guests", "guest_count:sum", 1),
            ("Attended", "attended_count:sum", 1),
            ("Attendance (%)", "attendance_rate:avg", 2),
            ("Recommendations open", "recommendation_open_count:sum", 1),
            ("Recommendations overdue", "recommendation_overdue_count:sum", 1),
        ],
    )
    for figure in figures:
        menus.setdefault(figure["id"], "comms_office.comms_office_dashboard_menu")

    pivots = {
        "1": pivot(
            1,
            "Complaints",
            COMPLAINTS,
            [
                "received_count:sum",
                "ack_on_time_count:sum",
                "answered_count:sum",
                "on_time_rate:avg",
                "working_days_to_answer:avg",
                "satisfaction_score:avg",
            ],
            domain=complaint_domain,
        ),
        "2": pivot(
            2,
            "Complaints by department",
            COMPLAINTS,
            [
                "received_count:sum",
                "open_count:sum",
                "overdue_count:sum",
                "on_time_rate:avg",
            ],
            rows=["department_id"],
            domain=complaint_domain,
            sort="received_count:sum",
        ),
        "3": pivot(
            3,
            "Complaints by category",
            COMPLAINTS,
            [
                "received_count:sum",
                "open_count:sum",
                "overdue_count:sum",
                "on_time_rate:avg",
            ],
            rows=["category_id"],
            domain=complaint_domain,
            sort="received_count:sum",
        ),
        "4": pivot(
            4,
            "Media",
            MEDIA,
            [
                "inquiry_count:sum",
                "inquiry_on_time_rate:avg",
                "sent_count:sum",
                "open_rate:avg",
                "coverage_count:sum",
                "reach:sum",
            ],
        ),
        "5": pivot(
            5,
            "Campaigns, events and recommendations",
            OFFICE,
            [
                "running_count:sum",
                "event_count:sum",
                "guest_count:sum",
                "attended_count:sum",
                "attendance_rate:avg",
                "recommendation_open_count:sum",
                "recommendation_overdue_count:sum",
            ],
        ),
        # what is open and overdue today, whenever it was received
        "6": pivot(
            6,
            "Complaints open now",
            COMPLAINTS,
            ["open_count:sum", "overdue_count:sum"],
            domain=complaint_domain,
            period=False,
        ),
    }
    # the programme's figures are not limited to the period: what runs now
    pivots["5"]["fieldMatching"] = {}
    return {
        "version": "18.4.14",
        "sheets": [
            {
                "id": "comms-dashboard",
                "name": "Dashboard",
                "colNumber": 12,
                "rowNumber": 85,
                "rows": {},
                "cols": {str(i): {"size": 115} for i in range(12)},
                "merges": ["A1:F1", "A3:D3", "A53:D53", "A73:F73"],
                "cells": cells,
                "styles": styles,
                "formats": formats,
                "borders": {},
                "conditionalFormats": [],
                "dataValidationRules": [],
                "figures": figures,
                "tables": [],
                "areGridLinesVisible": False,
                "isVisible": True,
                "headerGroups": {"ROW": [], "COL": []},
                "comments": {},
            }
        ],
        "styles": {
            "1": {"align": "right"},
            "2": {"fontSize": 16, "bold": True, "textColor": "#01666B"},
            "3": {"bold": True, "fontSize": 11, "textColor": "#434343"},
            "5": {"bold": True, "fontSize": 16, "textColor": "#01666B"},
            "6": {"textColor": "#FFFFFF"},
        },
        "formats": {"1": "#,##0", "2": "0.0", "3": "0.0"},
        "borders": {},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {
            "locale": {
                "name": "English (US)",
                "code": "en_US",
                "thousandsSeparator": ",",
                "decimalSeparator": ".",
                "dateFormat": "mm/dd/yyyy",
                "timeFormat": "hh:mm:ss",
                "formulaArgSeparator": ",",
                "weekStart": 7,
            }
        },
        "pivots": pivots,
        "pivotNextId": 7,
        "customTableStyles": {},
        "globalFilters": [
            {
                "id": PERIOD,
                "type": "date",
                "label": "Period",
                "defaultValue": "last_12_months",
            },
            {
                "id": DEPARTMENT,
                "type": "relation",
                "label": "Department",
                "modelName": "comms.department",
                "defaultValueDisplayNames": [],
            },
        ],
        "lists": {},
        "listNextId": 1,
        "chartOdooMenusReferences": menus,
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n")
