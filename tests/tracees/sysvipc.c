// SPDX-License-Identifier: MIT
/*
 * System V IPC control calls (t_decode_ipc.sh): shmctl, msgctl and semctl
 * with each command that reads or fills a structure, on real objects and
 * on bad ids, unknown commands and IPC_64.
 */
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

union semun_arg {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	void *info;
};

static void shm_calls(key_t key)
{
	struct shmid_ds ds;
	char info[128];
	int id = shmget(key, 4096, IPC_CREAT | 0640);
	void *p = id >= 0 ? shmat(id, NULL, 0) : NULL;

	shmctl(id, IPC_STAT, &ds);
	ds.shm_perm.mode = 0600;
	shmctl(id, IPC_SET, &ds);
	shmctl(id, IPC_INFO, (struct shmid_ds *)info);
	shmctl(id, SHM_INFO, (struct shmid_ds *)info);
	shmctl(id, IPC_RMID, NULL);
	shmctl(id, IPC_STAT, &ds);	/* mode now has SHM_DEST */
	shmctl(id, SHM_STAT, &ds);
	if (p != (void *)-1 && p)
		shmdt(p);
	shmctl(-1, IPC_STAT, &ds);
	shmctl(-1, IPC_SET, &ds);
	shmctl(0, IPC_STAT, NULL);
	shmctl(-1, 99, &ds);
	syscall(SYS_shmctl, -1, IPC_STAT | 0x100, &ds);
	syscall(SYS_shmctl, -1, SHM_LOCK, NULL);
}

static void msg_calls(key_t key)
{
	struct msqid_ds ds;
	char info[128];
	int id = msgget(key, IPC_CREAT | 0600);

	msgctl(id, IPC_STAT, &ds);
	msgctl(id, IPC_SET, &ds);
	msgctl(id, IPC_INFO, (struct msqid_ds *)info);
	msgctl(id, MSG_INFO, (struct msqid_ds *)info);
	msgctl(id, MSG_STAT, &ds);
	msgctl(id, IPC_RMID, NULL);
	msgctl(-1, IPC_STAT, &ds);
	msgctl(-1, IPC_SET, &ds);
	msgctl(-1, 99, &ds);
}

static void sem_calls(key_t key)
{
	struct semid_ds ds;
	char info[128];
	unsigned short vals[3] = { 1, 2, 3 };
	union semun_arg u;
	int id = semget(key, 3, IPC_CREAT | 0600);

	u.buf = &ds;
	semctl(id, 0, IPC_STAT, u);
	semctl(id, 0, IPC_SET, u);
	u.info = info;
	semctl(id, 0, IPC_INFO, u);
	semctl(id, 0, SEM_INFO, u);
	u.buf = &ds;
	semctl(id, 0, SEM_STAT, u);
	u.array = vals;
	semctl(id, 0, SETALL, u);
	semctl(id, 0, GETALL, u);
	semctl(id, 1, GETVAL, u);
	semctl(id, 0, GETPID, u);
	semctl(id, 0, IPC_RMID, u);
	u.buf = &ds;
	semctl(-1, 0, IPC_STAT, u);
	semctl(-1, 0, IPC_SET, u);
	syscall(SYS_semctl, -1, 0, IPC_STAT | 0x100, 0);
	syscall(SYS_semctl, -1, 0, 99, 0);
}

int main(void)
{
	getpid();		/* the tests' start mark */
	shm_calls(IPC_PRIVATE);
	shm_calls((key_t)0x9e4a0c01);	/* a key above INT_MAX */
	msg_calls(IPC_PRIVATE);
	msg_calls((key_t)0x9e4a0c02);
	sem_calls(IPC_PRIVATE);
	sem_calls((key_t)0x9e4a0c03);
	return 0;
}
