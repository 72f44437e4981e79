import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, sendFile } from "../../http/context.js";
import { idParam, isoDate, version } from "../../http/schemas.js";
import { assertCan } from "../scope.js";
import { findUnit } from "../units/service.js";
import { ballotMasterKey } from "./ballot-urn.js";
import {
  castBallots,
  closeSession,
  councilCandidates,
  createSession,
  getSession,
  listSessions,
  openSession,
  recordOpenVote,
  sessionResults,
  setAgenda,
} from "./council.js";
import { minutesDocx } from "./council-minutes.js";
import { attachSignedScan, cancelDecision, commendationsOfUnit, createDecision, getDecision, honourRoll, issueDecision, listDecisions } from "./decisions.js";
import { achievementReportDocx, certificatesDocx, decisionDocx, proposalMemoDocx } from "./documents.js";

const tags = ["Khen thưởng"];
const userId = z.number().int().positive();

/** Council sessions, ballots, decisions and the honour roll. */
export const councilRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;
    // Read when first needed: a server that never runs a secret vote makes no key file.
    let key: Buffer | null = null;
    const urnKey = () => {
      key ??= ballotMasterKey(ctx.config);
      return key;
    };

    app.post(
      "/plans/:id/council-sessions",
      {
        schema: {
          tags,
          summary: "Tạo phiên họp Hội đồng Thi đua - Khen thưởng",
          params: idParam,
          body: z.object({
            title: z.string().trim().min(1, "Vui lòng nhập tên phiên họp.").max(300),
            heldOn: isoDate,
            ballot: z.enum(["secret", "open"]).optional(),
            chairUserId: userId,
            secretaryUserId: userId,
            memberUserIds: z.array(userId).max(100),
          }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await getSession(db, actorOf(request), (await createSession(db, actorOf(request), request.params.id, request.body)).id)),
    );
    app.get(
      "/plans/:id/council-sessions",
      { schema: { tags, summary: "Các phiên họp (thành viên chỉ thấy phiên của mình)", params: idParam } },
      async (request) => ({
        items: await listSessions(db, actorOf(request), request.params.id),
      }),
    );
    app.get("/council-sessions/:id", { schema: { tags, summary: "Chi tiết phiên họp", params: idParam } }, async (request) =>
      getSession(db, actorOf(request), request.params.id),
    );
    app.put(
      "/council-sessions/:id/agenda",
      {
        schema: {
          tags,
          summary: "Danh sách hồ sơ đưa ra Hội đồng",
          params: idParam,
          body: z.object({ nominationIds: z.array(z.number().int().positive()).max(500) }),
        },
      },
      async (request) => setAgenda(db, actorOf(request), request.params.id, request.body.nominationIds),
    );
    app.post(
      "/council-sessions/:id/open",
      { schema: { tags, summary: "Mở biểu quyết (điểm danh)", params: idParam, body: z.object({ version, present: z.array(userId) }) } },
      async (request) => openSession(db, actorOf(request), request.params.id, request.body, ctx.now(), urnKey),
    );
    app.post(
      "/council-sessions/:id/ballots",
      {
        schema: {
          tags,
          summary: "Bỏ phiếu kín (mỗi hồ sơ một lần)",
          params: idParam,
          body: z.object({
            choices: z
              .array(
                z.object({
                  nominationId: z.number().int().positive(),
                  choice: z.enum(["approve", "reject", "abstain"], { error: "Phiếu chỉ ghi đồng ý, không đồng ý hoặc không biểu quyết." }),
                }),
              )
              .min(1),
          }),
        },
      },
      async (request, reply) => {
        await castBallots(db, actorOf(request), request.params.id, request.body.choices, urnKey);
        return reply.status(204).send();
      },
    );
    app.post(
      "/council-sessions/:id/open-votes",
      {
        schema: {
          tags,
          summary: "Ghi kết quả biểu quyết công khai",
          params: idParam,
          body: z.object({
            nominationId: z.number().int().positive(),
            approve: z.number().int().min(0),
            reject: z.number().int().min(0),
            abstain: z.number().int().min(0),
          }),
        },
      },
      async (request, reply) => {
        await recordOpenVote(db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send();
      },
    );
    app.post("/council-sessions/:id/close", { schema: { tags, summary: "Kết thúc biểu quyết", params: idParam } }, async (request) =>
      closeSession(db, actorOf(request), request.params.id, ctx.now(), urnKey),
    );
    app.get("/council-sessions/:id/results", { schema: { tags, summary: "Kết quả bỏ phiếu (sau khi kết thúc)", params: idParam } }, async (request) => ({
      items: await sessionResults(db, actorOf(request), request.params.id),
    }));

    app.post(
      "/plans/:id/decisions",
      {
        schema: {
          tags,
          summary: "Dự thảo quyết định khen thưởng",
          params: idParam,
          body: z.object({
            awardFormId: z.string().min(1),
            number: z.string().max(20).nullish(),
            signedOn: isoDate,
            signerTitle: z.string().trim().min(1, "Vui lòng nhập chức danh người ký.").max(100),
            signerName: z.string().trim().min(1, "Vui lòng nhập họ tên người ký.").max(100),
            nominationIds: z.array(z.number().int().positive()).max(500),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await createDecision(db, actorOf(request), request.params.id, request.body, ctx.now())),
    );
    app.get("/decisions/:id", { schema: { tags, summary: "Quyết định khen thưởng", params: idParam } }, async (request) =>
      getDecision(db, actorOf(request), request.params.id),
    );
    app.post(
      "/decisions/:id/issue",
      {
        schema: {
          tags,
          summary: "Ký ban hành quyết định",
          params: idParam,
          body: z.object({ version, number: z.string().trim().min(1, "Vui lòng nhập số quyết định.").max(20) }),
        },
      },
      async (request) => issueDecision(db, actorOf(request), request.params.id, request.body, ctx.now()),
    );
    app.post(
      "/decisions/:id/cancel",
      {
        schema: {
          tags,
          summary: "Hủy dự thảo quyết định (giải phóng chỉ tiêu; vẫn lưu trong hồ sơ)",
          params: idParam,
          body: z.object({ version, reason: z.string().trim().min(1, "Vui lòng nhập lý do hủy dự thảo.").max(500) }),
        },
      },
      async (request) => cancelDecision(db, actorOf(request), request.params.id, request.body),
    );
    app.put(
      "/decisions/:id/signed-scan",
      { schema: { tags, summary: "Đính kèm bản đã ký", params: idParam, body: z.object({ fileId: z.uuid() }) } },
      async (request) => attachSignedScan(db, actorOf(request), request.params.id, request.body.fileId),
    );
    app.get("/public/plans/:id/honour-roll", { schema: { tags, summary: "Bảng vàng công khai của phong trào", params: idParam } }, async (request) =>
      honourRoll(db, request.params.id),
    );
    app.get("/units/:id/commendations", { schema: { tags, summary: "Lịch sử khen thưởng của đơn vị và cán bộ", params: idParam } }, async (request) => {
      const unit = await findUnit(db, request.params.id);
      assertCan(actorOf(request), "units.read", unit.path);
      return { items: await commendationsOfUnit(db, unit.id) };
    });

    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    app.get(
      "/decisions/:id/document",
      { schema: { tags, summary: "Quyết định khen thưởng (Word, kèm danh sách và số tiền)", params: idParam } },
      async (request, reply) => sendFile(reply, { ...(await decisionDocx(db, actorOf(request), request.params.id)), contentType: docx }),
    );
    app.get(
      "/decisions/:id/certificates",
      { schema: { tags, summary: "In Bằng khen, Giấy khen (Word, mỗi người một trang)", params: idParam } },
      async (request, reply) => sendFile(reply, { ...(await certificatesDocx(db, actorOf(request), request.params.id)), contentType: docx }),
    );
    app.get(
      "/council-sessions/:id/minutes",
      { schema: { tags, summary: "Biên bản họp Hội đồng (Word, sau khi kết thúc)", params: idParam } },
      async (request, reply) => sendFile(reply, { ...(await minutesDocx(db, actorOf(request), request.params.id)), contentType: docx }),
    );
    app.get(
      "/plans/:id/award-forms/:formId/proposal-memo",
      {
        schema: {
          tags,
          summary: "Tờ trình đề nghị khen thưởng của cơ quan thường trực (Word, các hồ sơ đã được chấp nhận)",
          params: idParam.extend({ formId: z.string().min(1).max(64) }),
          querystring: z.object({ number: z.string().trim().max(20).optional() }),
        },
      },
      async (request, reply) =>
        sendFile(reply, {
          ...(await proposalMemoDocx(db, actorOf(request), request.params.id, request.params.formId, ctx.now(), request.query.number || null)),
          contentType: docx,
        }),
    );
    app.get(
      "/nominations/:id/achievement-report",
      { schema: { tags, summary: "Dự thảo báo cáo thành tích (Mẫu 02/03, Word)", params: idParam } },
      async (request, reply) => sendFile(reply, { ...(await achievementReportDocx(db, actorOf(request), request.params.id, ctx.now())), contentType: docx }),
    );
    app.get("/plans/:id/decisions", { schema: { tags, summary: "Các quyết định khen thưởng của phong trào", params: idParam } }, async (request) => ({
      items: await listDecisions(db, actorOf(request), request.params.id),
    }));
    app.get("/plans/:id/council-candidates", { schema: { tags, summary: "Người có thể tham gia Hội đồng", params: idParam } }, async (request) => ({
      items: await councilCandidates(db, actorOf(request), request.params.id),
    }));
  };
