import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule, InjectBullBoard, type BullBoardInstance } from '@bull-board/nestjs';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig, JOBS_QUEUE } from '@app/core';
import { JOB_DASHBOARD_ROUTE } from './dashboard-access';

/** Shows the one queue, read-only unless BULL_BOARD_READ_ONLY=false (no retry, clean, promote or remove). */
@Injectable()
class JobDashboardQueues implements OnModuleInit {
  constructor(
    @InjectBullBoard() private readonly board: BullBoardInstance,
    @InjectQueue(JOBS_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.board.addQueue(new BullMQAdapter(this.queue, { readOnlyMode: this.config.get('BULL_BOARD_READ_ONLY') }));
  }
}

/**
 * The job dashboard (bull-board) at JOB_DASHBOARD_ROUTE, for the admin: see `guardJobDashboard`, which
 * the app factory installs before this module registers its routes.
 */
@Module({
  imports: [
    BullBoardModule.forRoot({
      route: JOB_DASHBOARD_ROUTE,
      adapter: FastifyAdapter,
      boardOptions: { uiConfig: { boardTitle: 'Tâches ISS', locale: { lng: 'fr-FR' }, hideDocsLink: true } },
    }),
  ],
  providers: [JobDashboardQueues],
})
export class JobDashboardModule {}
