/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const SEND = ".o_comms_complaint_form button[type=submit].btn-lg";

/**
 * A citizen on a phone files a complaint in Arabic, forgets the consent,
 * switches to French and back without losing a word, sends, copies the
 * private link and opens the status page with it.
 */
registry.category("web_tour.tours").add("comms_office_citizen_phone_tour", {
    url: "/ar/comms/complaint",
    steps: () => [
        {
            content: "The form is in Arabic, right to left",
            trigger: "html[dir=rtl][lang^=ar] .o_comms_complaint_form",
        },
        {
            content: "No way to the back office",
            trigger: "body:not(:has(a[href='/web/login'], a[href='/odoo'], #top))",
        },
        {
            content: "Describe the problem",
            trigger: "input[name=subject]",
            run: "edit موعد الأشعة في قسم Radiologie",
        },
        {
            trigger: "textarea[name=description]",
            run: "edit انتظرت ثلاث ساعات في قاعة الانتظار. Le rendez-vous était à 9 h.",
        },
        {
            content: "The counter follows the text",
            trigger: ".o_comms_counter:contains(63 / 5000)",
        },
        {
            trigger: "input[name=name]",
            run: "edit أمينة سعدي",
        },
        {
            trigger: "input[name=email]",
            run: "edit amina.saadi@example.dz",
        },
        {
            content: "With a contact detail, the consent is required",
            trigger: "label[for=consent].o_comms_required",
        },
        {
            content: "Send, without the consent",
            trigger: SEND,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The summary names the field in error",
            trigger: "#complaint_errors a[href='#consent'] .o_comms_error_label",
        },
        {
            content: "The error sits at its field",
            trigger: "#consent.is-invalid[aria-describedby~=error_consent]",
        },
        {
            content: "The summary leads to the field",
            trigger: "#complaint_errors a[href='#consent']",
            run: "click",
        },
        {
            trigger: "#consent:focus",
        },
        {
            content: "Switch to French",
            trigger: ".o_comms_lang_switch button[lang=fr-FR]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "In French, with what was typed",
            trigger: "html[lang=fr-FR][dir=ltr] input[name=subject]:value(Radiologie)",
        },
        {
            trigger: "textarea[name=description]:value(Le rendez-vous était à 9 h.)",
        },
        {
            content: "The error is still shown",
            trigger: "#error_consent",
        },
        {
            content: "Back to Arabic",
            trigger: ".o_comms_lang_switch button[lang^=ar]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "html[dir=rtl] input[name=email]:value(amina.saadi@example.dz)",
        },
        {
            trigger: "input[name=name]:value(أمينة سعدي)",
        },
        {
            content: "Agree to the use of the contact details",
            trigger: "input[name=consent]",
            run: "click",
        },
        {
            content: "Send",
            trigger: SEND,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The reference is shown at once, whole",
            trigger:
                "html[dir=rtl] #complaint_confirmation bdi.o_comms_reference.text-nowrap:contains(REC-)",
        },
        {
            content: "Copy the private link",
            trigger: ".o_comms_private_link button.o_comms_copy:not(.d-none)",
            async run(helpers) {
                // the tour's clicks give no clipboard permission: keep what
                // the page copies
                navigator.clipboard.writeText = async (text) => {
                    window.commsCopied = text;
                };
                await helpers.click();
            },
        },
        {
            content: "The link was copied",
            trigger: ".o_comms_copy_status:not(:empty)",
            run() {
                const link = document.querySelector("#complaint_link").value;
                if (!link.includes("access_token=") || window.commsCopied !== link) {
                    throw new Error(`Copied ${window.commsCopied} instead of ${link}`);
                }
            },
        },
        {
            content: "Open the status page with the link",
            trigger: "#complaint_link",
            run() {
                const link = new URL(document.querySelector("#complaint_link").value);
                window.location.href = link.pathname + link.search;
            },
            expectUnloadPage: true,
        },
        {
            content: "The status page, not the confirmation",
            trigger: "body:not(:has(#complaint_confirmation)) h1 bdi:contains(REC-)",
        },
        {
            trigger: ".o_comms_private_link #complaint_link",
        },
    ],
});
